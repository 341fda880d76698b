import { useState, type ReactNode, type UIEvent } from 'react';
import { visibleWindow } from '../../lib/view-model/windowing';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row is this tall (px): what makes windowing exact without measuring. */
  rowHeight: number;
  /** The viewport's height (px); the list scrolls inside it. */
  height: number;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
  overscan?: number;
  /** The list's accessible name. */
  label: string;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  className?: string;
}

/**
 * A list that renders only the rows in view (plus overscan), for histories of thousands of entries. Rows have a fixed
 * height and sit at their offset in a spacer as tall as the whole list, so the scrollbar tells the truth. Each row says
 * its position (aria-posinset / aria-setsize) since most rows are not in the DOM. The list takes focus so the keyboard
 * can scroll it.
 */
export function VirtualList<T>({ items, rowHeight, height, overscan = 8, label, itemKey, renderItem, className }: VirtualListProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = Math.min(height, items.length * rowHeight);
  const { start, end } = visibleWindow({ scrollTop, viewportHeight: viewport, rowHeight, count: items.length, overscan });
  const onScroll = (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop);
  return (
    <div
      role="list"
      aria-label={label}
      tabIndex={0}
      className={`vlist${className ? ` ${className}` : ''}`}
      style={{ height: viewport }}
      onScroll={onScroll}
    >
      <div role="presentation" className="vlist__spacer" style={{ height: items.length * rowHeight }}>
        {items.slice(start, end).map((item, i) => (
          <div
            role="listitem"
            key={itemKey(item)}
            aria-setsize={items.length}
            aria-posinset={start + i + 1}
            className="vlist__row"
            style={{ top: (start + i) * rowHeight, height: rowHeight }}
          >
            {renderItem(item)}
          </div>
        ))}
      </div>
    </div>
  );
}
