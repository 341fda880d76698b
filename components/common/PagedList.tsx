import { useState, type ReactNode } from 'react';
import { moreRowsLabel, shownRows } from '../../lib/view-model/windowing';

export interface PagedListProps<T> {
  items: readonly T[];
  /** Rows shown at first and added by each "Show more". */
  pageSize: number;
  /** The list's accessible name. */
  label: string;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** The word for the rows not shown yet ("older"). */
  noun?: string;
  className?: string;
}

/**
 * A list for histories of thousands of entries that stays in the page's flow: rows are as tall as their content (no
 * fixed height to cut a title or leave a gap) and the list scrolls with the panel, not in a box of its own. It renders
 * a page of rows and a button for the next, so the DOM holds what the rep asked to see. Each row says its position (aria-posinset / aria-setsize) since later rows are not
 * in the DOM yet.
 */
export function PagedList<T>({ items, pageSize, label, itemKey, renderItem, noun, className }: PagedListProps<T>) {
  const [pages, setPages] = useState(1);
  const shown = shownRows(items.length, pages, pageSize);
  const more = moreRowsLabel(items.length, shown, pageSize, noun);
  return (
    <>
      <ul aria-label={label} className={`plist${className ? ` ${className}` : ''}`}>
        {items.slice(0, shown).map((item, i) => (
          <li key={itemKey(item)} aria-setsize={items.length} aria-posinset={i + 1} className="plist__row">
            {renderItem(item)}
          </li>
        ))}
      </ul>
      {more && (
        <button type="button" className="link-button plist__more" onClick={() => setPages((p) => p + 1)}>
          {more}
        </button>
      )}
    </>
  );
}
