import { Text } from '@mantine/core';

/** Tandem's mark: two linked rings, business and IT. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-8)" />
      <circle cx="12" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="3" />
      <circle cx="20" cy="16" r="6" fill="none" stroke="#a5b4fc" strokeWidth="3" />
    </svg>
  );
}

/** The mark with the product name. */
export function Brand() {
  return (
    <>
      <BrandMark />
      <Text component="span" fw={700} fz="lg" lh={1}>
        Tandem
      </Text>
    </>
  );
}
