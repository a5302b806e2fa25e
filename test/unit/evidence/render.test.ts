import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadPlatformConfig } from '../../../src/config/load.js';
import { buildEvidence } from '../../../src/evidence/build.js';
import { clusterColour, renderDiagram } from '../../../src/evidence/diagram.js';
import { renderEvidenceHtml } from '../../../src/evidence/html.js';
import { parseJUnit } from '../../../src/evidence/junit.js';
import { renderEvidenceMarkdown } from '../../../src/evidence/markdown.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import { controlsFixture, JUNIT_FIXTURE } from './fixtures.js';

const pack = buildEvidence({
  controls: controlsFixture(),
  results: parseJUnit(JUNIT_FIXTURE),
  nistPack: undefined,
});

describe('evidence pack rendering', () => {
  it('[evidence][unit] Markdown shows each status and says unproven where nothing passed', () => {
    const markdown = renderEvidenceMarkdown(pack, 'en');
    assert.match(markdown, /## S1 [^\n]*\n\nStatus: \*\*done\*\*/);
    assert.match(markdown, /## S8 [^\n]*\n\nStatus: \*\*failing\*\*/);
    assert.match(markdown, /## S5 [^\n]*\n\nStatus: \*\*unproven\*\*/);
    assert.match(markdown, /3 of 18 practices are done, 1 failing and 14 unproven\./);
    assert.match(
      markdown,
      /NIST SP 800-53 rev 5: unknown\. The installed cdk-nag rule pack could not be read\./,
    );
  });

  it('[evidence][unit] Japanese Markdown', () => {
    const markdown = renderEvidenceMarkdown(pack, 'ja');
    assert.match(markdown, /## S5 [^\n]*\n\n状態: \*\*未証明\*\*/);
  });

  it('[evidence][unit] HTML escapes text and loads nothing from elsewhere', () => {
    const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));
    const html = renderEvidenceHtml(pack, renderDiagram(platform, 'en'), 'en');
    assert.ok(html.includes('Does the thing &lt;b&gt;'));
    assert.ok(!html.includes('Does the thing <b>'));
    assert.ok(html.includes('default-deny &quot;all&quot; &lt;in&gt; every namespace'));
    assert.doesNotMatch(html, /<(script|link|img)\b|src=|@import|url\(/);
    assert.equal((html.match(/<section class="practice"/g) ?? []).length, 18);
  });

  it('[evidence][unit] diagram draws regions, clusters in colour, namespaces, ALB rules, resources', () => {
    const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));
    const svg = renderDiagram(platform, 'en');
    assert.ok(svg.includes(`Region ${platform.primary.region}`));
    assert.ok(platform.disasterRecovery !== undefined);
    assert.ok(svg.includes(`DR region ${platform.disasterRecovery.region.region}`));
    for (const cluster of platform.clusters)
      assert.ok(svg.includes(`Cluster ${cluster.key}: ${cluster.name}`));
    assert.ok(svg.includes('stroke="#2563eb"'));
    assert.ok(svg.includes('stroke="#16a34a"'));
    for (const system of platform.systems) {
      assert.ok(svg.includes(`namespace ${system.namespace} (system ${system.name})`));
      assert.ok(svg.includes(`S3 ${system.bucketName}`));
      assert.ok(svg.includes(`AWS resources system ${system.name} may reach`));
    }
    for (const route of platform.edge?.routes ?? [])
      assert.ok(svg.includes(`system ${route.system}: ${route.host}`));
    assert.ok((platform.edge?.routes.length ?? 0) > 0);
  });

  it('[evidence][unit] a cluster key that is no colour takes one from the palette', () => {
    assert.equal(clusterColour('blue', 5), '#2563eb');
    assert.equal(clusterColour('one', 0), '#0891b2');
  });
});
