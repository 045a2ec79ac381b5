import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { AwsProfile, IdentityCheck } from '../shared-types';
import { failedCheck } from '../../../electron/shared/verification';
import { latestCheck } from '../lib/freshness';
import { KIND_LABEL } from '../lib/labels';
import { nextIndex, typeaheadIndex } from '../lib/list-navigation';
import { accountOf } from '../lib/profile-query';
import { formatExpiry } from '../lib/time-left';
import { StatusBadge } from './status-badge';
import './profile-list.css';

const ROW_HEIGHT = 58;
/** Letters typed within this long of each other make one type-ahead search. */
const TYPEAHEAD_MS = 700;

interface ProfileListProps {
  profiles: readonly AwsProfile[];
  /** Checks the window has seen before the snapshot that records them (use-verification.ts). */
  checks?: ReadonlyMap<string, IdentityCheck>;
  selected: string | null;
  now: number;
  listRef: RefObject<HTMLDivElement | null>;
  onSelect(name: string): void;
  /** Enter on an option: go to its details. */
  onOpen(name: string): void;
}

/**
 * A WAI-ARIA listbox with selection following focus (aria-activedescendant). Only the rows in
 * view are in the DOM, so 10,000 profiles cost what 20 do; the selected row is scrolled into
 * view first, so the active descendant always exists.
 */
export function ProfileList({ profiles, checks, selected, now, listRef, onSelect, onOpen }: ProfileListProps) {
  const idPrefix = useId();
  const optionId = (index: number): string => `${idPrefix}-option-${index}`;
  const selectedIndex = selected === null ? -1 : profiles.findIndex((profile) => profile.name === selected);

  const virtualizer = useVirtualizer({
    count: profiles.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => profiles[index]?.name ?? index,
    // The selected row stays in the DOM even when scrolled away, so aria-activedescendant always
    // names an element that exists.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedIndex < 0 || indexes.includes(selectedIndex)) return indexes;
      return [...indexes, selectedIndex].sort((a, b) => a - b);
    },
  });

  // Bring the selected row into view, but leave the scroll alone when it already is (a click on
  // a visible row must not move the list under the pointer).
  useEffect(() => {
    const list = listRef.current;
    if (selectedIndex < 0 || list === null) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top >= list.scrollTop && top + ROW_HEIGHT <= list.scrollTop + list.clientHeight) return;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer, listRef]);

  const typed = useRef({ text: '', at: 0 });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = profiles[selectedIndex];
    if (
      event.key.length === 1 &&
      event.key !== ' ' &&
      event.key !== '/' &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      const sameSearch = event.timeStamp - typed.current.at < TYPEAHEAD_MS;
      typed.current = { text: (sameSearch ? typed.current.text : '') + event.key, at: event.timeStamp };
      const match = typeaheadIndex(
        profiles.map((profile) => profile.name),
        typed.current.text,
        selectedIndex,
      );
      const next = match === null ? undefined : profiles[match];
      if (next !== undefined) onSelect(next.name);
      event.preventDefault();
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && current !== undefined) {
      event.preventDefault();
      if (event.key === 'Enter') onOpen(current.name);
      else onSelect(current.name);
      return;
    }
    const pageSize = Math.max(1, Math.floor((listRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const target = nextIndex(event.key, selectedIndex, profiles.length, pageSize);
    const next = target === null ? undefined : profiles[target];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next.name);
  };

  if (profiles.length === 0) {
    return (
      <div
        className="profile-list profile-list-empty"
        ref={listRef}
        role="listbox"
        aria-label="AWS profiles"
        tabIndex={0}
      >
        <p className="empty-note">No profiles match.</p>
      </div>
    );
  }

  return (
    <div
      className="profile-list"
      ref={listRef}
      role="listbox"
      aria-label="AWS profiles"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? optionId(selectedIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="profile-list-inner" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const profile = profiles[row.index];
          if (profile === undefined) return null;
          const isSelected = row.index === selectedIndex;
          const expiry = formatExpiry(profile.expiresAt, now);
          const account = accountOf(profile);
          const failure = failedCheck(latestCheck(profile.lastCheck, checks?.get(profile.name) ?? null));
          return (
            <div
              key={row.key}
              id={optionId(row.index)}
              role="option"
              aria-selected={isSelected}
              aria-setsize={profiles.length}
              aria-posinset={row.index + 1}
              aria-labelledby={`${optionId(row.index)}-name`}
              aria-describedby={`${optionId(row.index)}-status ${optionId(row.index)}-meta`}
              className={`profile-option${isSelected ? ' selected' : ''}`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              // The press itself focuses the listbox (its nearest focusable ancestor), as a
              // pointer focus, so no keyboard focus ring appears for a click.
              onClick={() => onSelect(profile.name)}
            >
              <div className="option-line">
                <span className="option-name" id={`${optionId(row.index)}-name`}>
                  {profile.name}
                </span>
                {profile.active && <span className="active-badge">Active</span>}
                {profile.problems.length > 0 && (
                  <span
                    className="problem-dot"
                    title={`${profile.problems.length} problem(s)`}
                    aria-label={`${profile.problems.length} problem(s)`}
                  >
                    !
                  </span>
                )}
                {failure !== null && (
                  <span
                    className="problem-dot check-failed-mark"
                    title={failure.message}
                    aria-label={`Verification failed: ${failure.message}`}
                  >
                    ✗
                  </span>
                )}
                <StatusBadge status={profile.status} failure={failure} id={`${optionId(row.index)}-status`} />
              </div>
              <div className="option-meta" id={`${optionId(row.index)}-meta`}>
                <span>{KIND_LABEL[profile.kind]}</span>
                {account !== null && <span>{account}</span>}
                {expiry !== null && <span>{expiry}</span>}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
