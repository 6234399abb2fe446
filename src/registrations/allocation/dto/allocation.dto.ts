import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

const SEED = /^[A-Za-z0-9_-]{1,64}$/;
const SEED_MESSAGE = 'must be 1 to 64 letters, digits, "-" or "_"';

export class AllocationSeedQueryDto {
  @ApiPropertyOptional({ example: '3f9a1c0d5e7b2a64', description: 'Replays the lottery with this seed; absent: a fresh one' })
  @IsOptional()
  @IsString()
  @Matches(SEED, { message: SEED_MESSAGE })
  seed?: string;
}

export class AllocateDto {
  @ApiPropertyOptional({ example: '3f9a1c0d5e7b2a64', description: 'The seed of a previewed allocation, to confirm that one; absent: a fresh one' })
  @IsOptional()
  @IsString()
  @Matches(SEED, { message: SEED_MESSAGE })
  seed?: string;
}

export class AllocationPreviewDto {
  @ApiProperty({ example: '3f9a1c0d5e7b2a64', description: 'The lottery seed: the same seed gives the same allocation' })
  seed: string;
  @ApiProperty({ type: 'integer', description: 'Confirmed registrants who ranked workshops' }) registrants: number;
  @ApiProperty({ type: 'integer', description: 'Slots (per registrant) given their first choice' }) first: number;
  @ApiProperty({ type: 'integer', description: '… their second choice' }) second: number;
  @ApiProperty({ type: 'integer', description: '… their third choice' }) third: number;
  @ApiProperty({ type: 'integer', description: 'Slots ranked where every workshop ranked was full' }) none: number;
  @ApiProperty({ nullable: true, type: String, description: 'When the allocation was confirmed; null while it is not' }) allocatedAt: string | null;
}

export class AllocationDoneDto extends AllocationPreviewDto {
  @ApiProperty({ type: String, description: 'When the allocation was made' }) declare allocatedAt: string;
}
