import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { AwsProfileKind, IdentityStatus } from '../shared-types';
import { AWS_STATUS_LABEL } from '../../../electron/shared/status-words';
import { KIND_LABEL } from '../lib/labels';
import type { FilterChoices, ProfileOrder, ProfileQuery } from '../lib/profile-query';
import './list-toolbar.css';

interface ListToolbarProps {
  query: ProfileQuery;
  order: ProfileOrder;
  choices: FilterChoices;
  shown: number;
  total: number;
  onQuery(query: ProfileQuery): void;
  onOrder(order: ProfileOrder): void;
  /** Arrow Down in the search box moves on into the list. */
  onLeaveSearch(): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function ListToolbar({
  query,
  order,
  choices,
  shown,
  total,
  onQuery,
  onOrder,
  onLeaveSearch,
  searchRef,
}: ListToolbarProps) {
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onLeaveSearch();
    } else if (event.key === 'Escape' && query.text !== '') {
      event.preventDefault();
      onQuery({ ...query, text: '' });
    }
  };
  const filtered = query.kind !== null || query.status !== null || query.account !== null || query.text !== '';
  // A short window folds the filters away behind a toggle (list-toolbar.css); a filter in use keeps them shown.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtering = query.kind !== null || query.status !== null || query.account !== null;
  return (
    <div className="list-toolbar">
      <div className="search-row">
        <label htmlFor="profile-search" className="visually-hidden">
          Search profiles
        </label>
        <input
          id="profile-search"
          ref={searchRef}
          type="search"
          placeholder="Search name, account, ARN, session  ( / )"
          autoComplete="off"
          spellCheck={false}
          value={query.text}
          onChange={(event) => onQuery({ ...query, text: event.target.value })}
          onKeyDown={onSearchKey}
          aria-describedby="profile-count"
        />
      </div>
      <div id="profile-filters" className={`filter-row${filtersOpen || filtering ? ' filter-row-open' : ''}`}>
        <label>
          <span className="filter-label">Kind</span>
          <select
            value={query.kind ?? ''}
            onChange={(event) => onQuery({ ...query, kind: (event.target.value || null) as AwsProfileKind | null })}
          >
            <option value="">All</option>
            {choices.kinds.map(([kind, count]) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind]} ({count})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="filter-label">Status</span>
          <select
            value={query.status ?? ''}
            onChange={(event) => onQuery({ ...query, status: (event.target.value || null) as IdentityStatus | null })}
          >
            <option value="">All</option>
            {choices.statuses.map(([status, count]) => (
              <option key={status} value={status}>
                {AWS_STATUS_LABEL[status]} ({count})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="filter-label">Account</span>
          <select
            value={query.account ?? ''}
            onChange={(event) => onQuery({ ...query, account: event.target.value || null })}
          >
            <option value="">All</option>
            {choices.accounts.map(([account, count]) => (
              <option key={account} value={account}>
                {account} ({count})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="filter-label">Sort</span>
          <select value={order} onChange={(event) => onOrder(event.target.value as ProfileOrder)}>
            <option value="name">Name</option>
            <option value="expiry">Expiry</option>
          </select>
        </label>
      </div>
      <div className="count-row">
        <span id="profile-count" className="profile-count" role="status">
          {shown === total ? `${total} ${total === 1 ? 'profile' : 'profiles'}` : `${shown} of ${total} profiles`}
        </span>
        <button
          type="button"
          className="link-button filters-toggle"
          aria-expanded={filtersOpen || filtering}
          aria-controls="profile-filters"
          disabled={filtering}
          title={filtering ? 'Clear the filters to fold them away' : undefined}
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          Filters
        </button>
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() => onQuery({ text: '', kind: null, status: null, account: null })}
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
