import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, youngGenerationWarning } from '../../server/node-flags';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the district server is started with its Node.js flags', () => {
  it('by npm run server', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts.server).toMatch(
      new RegExp(`&& node ${SERVER_NODE_FLAGS.join(' ')} dist-server/main\\.mjs$`),
    );
  });

  it('in the container', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('deploy/Dockerfile'))?.[1];
    expect(JSON.parse(cmd ?? 'null')).toEqual([
      'node',
      ...SERVER_NODE_FLAGS,
      'dist-server/main.mjs',
    ]);
  });

  it('by the systemd unit', () => {
    expect(/^ExecStart=(.*)$/m.exec(read('deploy/hearth-server.service'))?.[1]).toBe(
      `/usr/bin/node ${SERVER_NODE_FLAGS.join(' ')} /opt/hearth/dist-server/main.mjs`,
    );
  });
});

describe('youngGenerationWarning', () => {
  it('is quiet when the young generation is as large as asked, or larger', () => {
    expect(youngGenerationWarning([...SERVER_NODE_FLAGS])).toBeNull();
    expect(youngGenerationWarning(['--max_semi_space_size', '128'])).toBeNull();
    expect(
      youngGenerationWarning([], '--max-old-space-size=2048 --max-semi-space-size=64'),
    ).toBeNull();
  });

  it('warns when the flag is missing or smaller, the command line winning over NODE_OPTIONS', () => {
    expect(youngGenerationWarning(['--enable-source-maps'])).toMatch(
      /^Started without --max-semi-space-size=64/,
    );
    expect(youngGenerationWarning(['--max-semi-space-size=16'])).not.toBeNull();
    expect(
      youngGenerationWarning(['--max-semi-space-size=16'], '--max-semi-space-size=64'),
    ).not.toBeNull();
    expect(youngGenerationWarning([], '--max-semi-space-size=32')).not.toBeNull();
  });
});
