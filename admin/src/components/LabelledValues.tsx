import { Flex, Typography } from '@strapi/design-system';

export interface LabelledValue {
  key: string;
  label: string;
  value: string;
}

interface LabelledValuesProps {
  values: LabelledValue[];
  /** Lets long lines wrap, so that the table can give this column less width in a narrow window. */
  wrap?: boolean;
}

/** Stacks short "label: value" lines in one table cell, so that related values share a column. */
export const LabelledValues = ({ values, wrap = false }: LabelledValuesProps) => (
  <Flex direction="column" alignItems="start" gap={0}>
    {values.map(({ key, label, value }) => (
      <Typography key={key} variant="pi" textColor="neutral800" style={wrap ? { whiteSpace: 'normal' } : undefined}>
        <Typography variant="pi" textColor="neutral600">
          {label}:
        </Typography>{' '}
        {value}
      </Typography>
    ))}
  </Flex>
);
