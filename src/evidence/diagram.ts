/**
 * The platform diagram of evidence.html, an inline SVG drawn from the resolved model: each region
 * with its clusters in their colours, each system's namespace in every cluster, the ALB's rules
 * per system and the AWS resources each system may reach. Boxes are stacked top to bottom with
 * computed heights, so the drawing needs no layout engine and no network.
 */
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import { escapeHtml } from './escape.js';

const WIDTH = 1000;
const LINE = 18;
const PAD = 12;

const NAMED_COLOURS: Readonly<Record<string, string>> = {
  blue: '#2563eb',
  green: '#16a34a',
  red: '#dc2626',
  orange: '#ea580c',
  purple: '#7c3aed',
  yellow: '#ca8a04',
};
const PALETTE = ['#0891b2', '#db2777', '#4d7c0f', '#9333ea', '#b45309'];

/** Colour of a cluster: its key when the key names a colour, otherwise one from a palette. */
export function clusterColour(key: string, index: number): string {
  return NAMED_COLOURS[key.toLowerCase()] ?? PALETTE[index % PALETTE.length] ?? '#475569';
}

interface Canvas {
  readonly parts: string[];
  y: number;
}

function text(canvas: Canvas, x: number, y: number, value: string, attrs = ''): void {
  canvas.parts.push(
    `<text x="${x}" y="${y}" xml:space="preserve" ${attrs}>${escapeHtml(value)}</text>`,
  );
}

function box(
  canvas: Canvas,
  x: number,
  y: number,
  width: number,
  height: number,
  stroke: string,
  fill: string,
  cls: string,
): void {
  canvas.parts.push(
    `<rect class="${cls}" x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`,
  );
}

/** A titled box with one line per entry; returns its height. */
function listBox(
  canvas: Canvas,
  x: number,
  y: number,
  width: number,
  title: string,
  lines: readonly string[],
  stroke: string,
  fill: string,
  cls: string,
): number {
  const height = PAD * 2 + LINE * (lines.length + 1);
  box(canvas, x, y, width, height, stroke, fill, cls);
  text(canvas, x + PAD, y + PAD + 13, title, 'font-weight="bold"');
  lines.forEach((line, index) => text(canvas, x + PAD, y + PAD + 13 + LINE * (index + 1), line));
  return height;
}

function clustersRow(
  canvas: Canvas,
  x: number,
  width: number,
  clusters: readonly { cluster: ResolvedCluster; colour: string }[],
  namespaces: readonly { system: string; namespace: string }[],
  locale: Locale,
): void {
  const gap = 16;
  const each = (width - gap * (clusters.length - 1)) / Math.max(clusters.length, 1);
  let tallest = 0;
  clusters.forEach(({ cluster, colour }, index) => {
    const left = x + index * (each + gap);
    const height = listBox(
      canvas,
      left,
      canvas.y,
      each,
      t('evidence.diagram.cluster', { key: cluster.key, name: cluster.name }, locale),
      namespaces.map((entry) =>
        t(
          'evidence.diagram.namespace',
          { namespace: entry.namespace, system: entry.system },
          locale,
        ),
      ),
      colour,
      `${colour}1a`,
      'cluster',
    );
    tallest = Math.max(tallest, height);
  });
  canvas.y += tallest + gap;
}

function regionFrame(canvas: Canvas, top: number, title: string): void {
  const height = canvas.y - top + PAD;
  canvas.parts.push(
    `<rect class="region" x="4" y="${top}" width="${WIDTH - 8}" height="${height}" rx="10" fill="none" stroke="#334155" stroke-width="2" stroke-dasharray="6 4"/>`,
  );
  text(canvas, 20, top + 22, title, 'font-weight="bold" font-size="16"');
  canvas.y += PAD + 16;
}

export function renderDiagram(platform: ResolvedPlatform, locale: Locale): string {
  const canvas: Canvas = { parts: [], y: 8 };
  const inner = 24;
  const innerWidth = WIDTH - inner * 2;

  const top = canvas.y;
  canvas.y += 36;
  if (platform.edge !== undefined) {
    const edge = platform.edge;
    canvas.y +=
      listBox(
        canvas,
        inner,
        canvas.y,
        innerWidth,
        t('evidence.diagram.alb', { name: edge.loadBalancerName }, locale),
        edge.routes.flatMap((route) => [
          t(
            'evidence.diagram.route',
            {
              system: route.system,
              host: route.host,
              path: route.pathPrefix ?? '',
              live: route.liveCluster,
              priority: route.forwardPriority,
            },
            locale,
          ),
          ...route.smokeRules.map((rule) =>
            t(
              'evidence.diagram.smoke',
              { match: rule.match, cluster: rule.clusterKey, priority: rule.priority },
              locale,
            ),
          ),
        ]),
        '#0f172a',
        '#f8fafc',
        'alb',
      ) + 16;
  } else {
    text(canvas, inner, canvas.y + 14, t('evidence.diagram.alb.none', {}, locale));
    canvas.y += 30;
  }
  const namespaces = platform.systems.map((system) => ({
    system: system.name,
    namespace: system.namespace,
  }));
  clustersRow(
    canvas,
    inner,
    innerWidth,
    platform.clusters.map((cluster, index) => ({
      cluster,
      colour: clusterColour(cluster.key, index),
    })),
    namespaces,
    locale,
  );
  const perRow = Math.max(platform.systems.length, 1);
  const systemWidth = (innerWidth - 16 * (perRow - 1)) / perRow;
  let tallest = 0;
  platform.systems.forEach((system, index) => {
    const lines = [
      `S3 ${system.bucketName}`,
      `SQS ${system.queueName}`,
      `SQS ${system.deadLetterQueueName}`,
      `Secrets Manager ${system.secretName}`,
      `KMS ${system.kmsAliasName}`,
      `IAM ${system.podRoleName}`,
      ...(system.sharedFiles !== undefined
        ? [`S3 ${system.bucketName}/${system.sharedFiles.prefix} (Mountpoint for S3)`]
        : []),
    ];
    tallest = Math.max(
      tallest,
      listBox(
        canvas,
        inner + index * (systemWidth + 16),
        canvas.y,
        systemWidth,
        t('evidence.diagram.resources', { system: system.name }, locale),
        lines,
        '#92400e',
        '#fffbeb',
        'system-resources',
      ),
    );
  });
  canvas.y += tallest;
  regionFrame(
    canvas,
    top,
    t('evidence.diagram.region', { region: platform.primary.region }, locale),
  );

  const dr = platform.disasterRecovery;
  if (dr !== undefined) {
    const drTop = canvas.y;
    canvas.y += 36;
    const index = platform.clusters.findIndex((cluster) => cluster.key === dr.cluster.key);
    clustersRow(
      canvas,
      inner,
      innerWidth,
      [{ cluster: dr.cluster, colour: clusterColour(dr.cluster.key, Math.max(index, 0)) }],
      namespaces.filter((entry) => dr.systems.some((system) => system.name === entry.system)),
      locale,
    );
    const drWidth =
      (innerWidth - 16 * (Math.max(dr.systems.length, 1) - 1)) / Math.max(dr.systems.length, 1);
    let drTallest = 0;
    dr.systems.forEach((system, position) => {
      drTallest = Math.max(
        drTallest,
        listBox(
          canvas,
          inner + position * (drWidth + 16),
          canvas.y,
          drWidth,
          t('evidence.diagram.resources', { system: system.name }, locale),
          [`S3 ${system.bucketName}`, `IAM ${system.podRoleName}`],
          '#92400e',
          '#fffbeb',
          'system-resources',
        ),
      );
    });
    canvas.y += drTallest;
    regionFrame(
      canvas,
      drTop,
      t('evidence.diagram.region.dr', { region: dr.region.region }, locale),
    );
  }

  const height = Math.ceil(canvas.y + 8);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="platform-diagram" role="img" viewBox="0 0 ${WIDTH} ${height}" width="100%" font-family="sans-serif" font-size="13">`,
    `<title>${escapeHtml(t('evidence.section.diagram', {}, locale))}</title>`,
    ...canvas.parts,
    '</svg>',
  ].join('\n');
}
