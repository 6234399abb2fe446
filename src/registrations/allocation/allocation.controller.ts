import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { OrganiserOnly } from '../../auth/organiser-only.decorator';
import { UuidPipe } from '../../common/uuid.pipe';
import { AllocateDto, AllocationDoneDto, AllocationPreviewDto, AllocationSeedQueryDto } from './dto/allocation.dto';
import { AllocationService } from './allocation.service';

@ApiTags('registrations (organisers)')
@OrganiserOnly()
@Controller('api/events/:id/allocation')
export class AllocationController {
  constructor(private readonly allocation: AllocationService) {}

  @Get('preview')
  @ApiOperation({ summary: 'Preview the workshop allocation by preference: how many get their first, second, third choice, or none (nothing is written)' })
  @ApiOkResponse({ type: AllocationPreviewDto })
  @ApiBadRequestResponse({ description: 'Malformed seed' })
  @ApiNotFoundResponse({ description: 'Unknown event' })
  @ApiUnprocessableEntityResponse({ description: 'The event’s workshops are first come' })
  preview(@Param('id', new UuidPipe('Event')) id: string, @Query() query: AllocationSeedQueryDto): Promise<AllocationPreviewDto> {
    return this.allocation.preview(id, query.seed);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Allocate the workshops by preference, once: confirms the seats and emails each registrant their workshops' })
  @ApiOkResponse({ type: AllocationDoneDto })
  @ApiBadRequestResponse({ description: 'Malformed seed' })
  @ApiNotFoundResponse({ description: 'Unknown event' })
  @ApiConflictResponse({ description: 'Already allocated' })
  @ApiUnprocessableEntityResponse({ description: 'The event’s workshops are first come' })
  confirm(@Param('id', new UuidPipe('Event')) id: string, @Body() body: AllocateDto): Promise<AllocationDoneDto> {
    return this.allocation.confirm(id, body.seed);
  }
}
