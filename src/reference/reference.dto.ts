import { ApiProperty } from '@nestjs/swagger';

export class ReferenceItemDto {
  @ApiProperty({ example: 'petite_enfance' })
  code!: string;

  @ApiProperty({ example: 'Petite enfance', description: 'In French' })
  label!: string;
}

export class ReferenceDto {
  @ApiProperty({ type: [ReferenceItemDto], description: 'The working groups' })
  themes!: ReferenceItemDto[];

  @ApiProperty({ type: [ReferenceItemDto] })
  organisationTypes!: ReferenceItemDto[];

  @ApiProperty({ type: [ReferenceItemDto], description: 'Occitanie’s 13 first, then the rest of France' })
  departments!: ReferenceItemDto[];

  @ApiProperty({ type: [ReferenceItemDto], description: 'Accessibility needs a registrant may tick (`accessibility` of a registration)' })
  accessibility!: ReferenceItemDto[];
}
