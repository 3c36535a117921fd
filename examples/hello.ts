import { DEFAULT_KINDS } from 'goodwill';
import assert from 'node:assert/strict';
assert.equal(DEFAULT_KINDS['referral']?.value, 8);
