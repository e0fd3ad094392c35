import { Table } from '@mantine/core';

/** A header cell: its title, or the title with an alignment or width. */
export type HeadColumn = string | { title: string; ta?: 'right' | 'center'; w?: number | string };

/** A plain table's header row from its column titles (the Thead/Tr/Th markup every such table wrote out). */
export function TableHead({ columns }: { columns: HeadColumn[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => {
          const { title, ...style } = typeof column === 'string' ? { title: column } : column;
          return (
            <Table.Th key={title} {...style}>
              {title}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}
