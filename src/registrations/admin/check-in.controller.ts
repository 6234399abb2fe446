import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '../../common/uuid.pipe';
import { CheckInDto, CheckInResultDto } from './dto/check-in.dto';
import { CheckInService } from './check-in.service';
import { OrganiserOnly } from '../../auth/organiser-only.decorator';
import { NoStore } from '../../common/no-store';

@ApiTags('check-in')
@OrganiserOnly()
@NoStore()
@Controller('api/events/:id/check-in')
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a confirmed registrant in by their badge’s code; scanning twice is harmless' })
  @ApiOkResponse({ type: CheckInResultDto })
  @ApiNotFoundResponse({ description: 'Unknown event, or no registration of this event has this code' })
  @ApiConflictResponse({ description: 'The registration is cancelled or waitlisted' })
  checkIn(@Param('id', new UuidPipe('Event')) id: string, @Body() body: CheckInDto): Promise<CheckInResultDto> {
    return this.checkIns.checkIn(id, body.code);
  }
}
