import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseTitleTags, stripTitleTags } from '../../../src/evidence/tags.js';

describe('tags in test titles', () => {
  it('[evidence][unit] practice and component', () => {
    assert.deepEqual(parseTitleTags('[S1][manifest] runs as non-root'), {
      practices: ['S1'],
      ownControls: [],
      component: 'manifest',
    });
  });

  it('[evidence][unit] two practices on one component', () => {
    assert.deepEqual(parseTitleTags('[R1][R4][cdk] ledger'), {
      practices: ['R1', 'R4'],
      ownControls: [],
      component: 'cdk',
    });
  });

  it("[evidence][unit] Kinko's own control named like its component", () => {
    assert.deepEqual(parseTitleTags('[cfn-lint][cfn-lint] no errors'), {
      practices: [],
      ownControls: ['cfn-lint'],
      component: 'cfn-lint',
    });
  });

  it('[evidence][unit] a lone component tag names no control', () => {
    assert.deepEqual(parseTitleTags('[manifest] builds every file'), {
      practices: [],
      ownControls: [],
      component: 'manifest',
    });
  });

  it('[evidence][unit] an untagged title and a bracket later in the title', () => {
    assert.deepEqual(parseTitleTags('builds [S1] later'), { practices: [], ownControls: [] });
    assert.equal(stripTitleTags('[S6][apiserver] a:admins manage a'), 'a:admins manage a');
  });
});
