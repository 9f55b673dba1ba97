import { Tooltip, Typography, type TypographyProps } from '@strapi/design-system';

type TruncatedTextProps = Pick<TypographyProps, 'variant' | 'textColor' | 'fontWeight'> & {
  text: string;
  /** The widest the text may be before an ellipsis cuts it, such as '16rem'. */
  maxWidth: string;
  /** The tooltip, when it should show more than the whole text, such as a raw user agent. */
  tooltip?: string;
  monospace?: boolean;
};

/**
 * Shows one line of text, cut with an ellipsis past `maxWidth`, so that a long value cannot widen
 * its table column. The whole text stays in the page for screen readers and shows in a tooltip.
 */
export const TruncatedText = ({ text, maxWidth, tooltip, monospace, ...typography }: TruncatedTextProps) => (
  <Tooltip label={tooltip ?? text}>
    <Typography
      ellipsis
      maxWidth={maxWidth}
      tag={monospace ? 'code' : 'span'}
      style={monospace ? { fontFamily: 'monospace' } : undefined}
      {...typography}
    >
      {text}
    </Typography>
  </Tooltip>
);
