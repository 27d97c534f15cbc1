import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Tell React this is a test environment, so state updates from Cloudscape's dropdowns are wrapped in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => cleanup());
