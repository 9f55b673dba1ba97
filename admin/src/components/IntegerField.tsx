import { Field, NumberInput } from '@strapi/design-system';

interface IntegerFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  disabled?: boolean;
  required?: boolean;
}

/** A whole-number input with its label, hint and validation error. */
export const IntegerField = ({ name, label, hint, error, value, onChange, disabled, required }: IntegerFieldProps) => (
  <Field.Root name={name} hint={hint} error={error} required={required}>
    <Field.Label>{label}</Field.Label>
    <NumberInput value={value} onValueChange={onChange} disabled={disabled} step={1} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
