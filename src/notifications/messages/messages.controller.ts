import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { OrganiserOnly } from '../../auth/organiser-only.decorator';
import { Page } from '../../common/pagination';
import { UuidPipe } from '../../common/uuid.pipe';
import { BroadcastDto, MessageDto, MessagePageDto, MessageQueryDto, QueuedDto } from './dto/message.dto';
import { MessagesService } from './messages.service';

const eventId = new UuidPipe('Event');
const messageId = new UuidPipe('Message');

@ApiTags('messages (organisers)')
@OrganiserOnly()
@Controller('api/events/:id/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @ApiOperation({ summary: 'The event’s outbox, newest first: recipient, reason, status, attempts, last error (never a body or a link)' })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiNotFoundResponse({ description: 'Unknown event' })
  list(@Param('id', eventId) id: string, @Query() query: MessageQueryDto): Promise<Page<MessageDto>> {
    return this.messages.list(id, query);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Write to registrants (confirmed, waitlisted, all, or those who chose a session); delivered by the outbox' })
  @ApiAcceptedResponse({ type: QueuedDto })
  @ApiNotFoundResponse({ description: 'Unknown event' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid subject, body or audience; session not of this event' })
  broadcast(@Param('id', eventId) id: string, @Body() body: BroadcastDto): Promise<QueuedDto> {
    return this.messages.broadcast(id, body);
  }

  @Post(':messageId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a dead message back in the queue (its attempts start again)' })
  @ApiOkResponse({ type: MessageDto })
  @ApiNotFoundResponse({ description: 'Unknown event or message' })
  @ApiConflictResponse({ description: 'The message is not dead' })
  retry(@Param('id', eventId) id: string, @Param('messageId', messageId) msgId: string): Promise<MessageDto> {
    return this.messages.retry(id, msgId);
  }
}
