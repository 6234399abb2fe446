import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export class CreateRoomDto {
  @ApiProperty({ example: 'Salle Pasteur', description: 'Unique within the event (case-insensitive)' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ example: 60, nullable: true, type: Number, description: 'Seats; null = not limited' })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;
}

export class UpdateRoomDto extends PartialType(CreateRoomDto) {}

export class RoomResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'Salle Pasteur' }) name: string;
  @ApiProperty({ example: 60, nullable: true, type: Number }) capacity: number | null;
}

export class RoomPageDto {
  @ApiProperty({ type: [RoomResponseDto] }) items: RoomResponseDto[];
  @ApiProperty({ example: 4 }) total: number;
}
