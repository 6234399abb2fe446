import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HighlightedAction, HighlightedActionStatus } from './highlighted-action.entity';

export interface ActionFilter {
  statuses: HighlightedActionStatus[];
  theme?: string;
  department?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class ActionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(HighlightedAction);
  }

  findInEvent(eventId: string, id: string): Promise<HighlightedAction | null> {
    return this.repo().findOneBy({ eventId, id });
  }

  async list(eventId: string, filter: ActionFilter): Promise<{ items: HighlightedAction[]; total: number }> {
    const qb = this.repo().createQueryBuilder('a').where('a.event_id = :eventId', { eventId }).andWhere('a.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.theme) qb.andWhere(':theme = ANY(a.themes)', { theme: filter.theme });
    if (filter.department) qb.andWhere(':department = ANY(a.departments)', { department: filter.department });
    const [items, total] = await qb.orderBy('a.title', 'ASC').addOrderBy('a.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  insert(values: Partial<HighlightedAction>, manager: EntityManager): Promise<HighlightedAction> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  save(action: HighlightedAction, manager: EntityManager): Promise<HighlightedAction> {
    return this.repo(manager).save(action);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }
}
