import { Table } from '@mantine/core';

/** A plain table's header row from its column titles (the Thead/Tr/Th markup every such table wrote out). */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((title) => (
          <Table.Th key={title}>{title}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
