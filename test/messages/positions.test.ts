import { describe, expect, it } from 'vitest';
import { countList, fieldLabel } from '../../src/problem.js';
import { run } from '../helpers.js';
import { batch, entry, single, workspace } from '../pipeline/support.js';

// Positions as a person counts them: the 4th task is "nhiệm vụ thứ 4", not tasks[3]. The JSON `path` stays.

describe('field paths in messages count from 1, in words', () => {
  it('names list items by what they are', () => {
    expect(fieldLabel('tasks[3]')).toBe('tasks, nhiệm vụ thứ 4');
    expect(fieldLabel('tasks[3].details[0]')).toBe('tasks, nhiệm vụ thứ 4, details, đoạn thứ 1');
    expect(fieldLabel('tasks[0].text')).toBe('tasks, nhiệm vụ thứ 1, text');
    expect(fieldLabel('to[1]')).toBe('to, nơi nhận thứ 2');
    expect(fieldLabel('archive[0]')).toBe('archive, mục thứ 1');
    expect(fieldLabel('appendices[0].table.rows[2][1]')).toBe('appendices, phụ lục thứ 1, table.rows, dòng thứ 3, ô thứ 2');
    expect(fieldLabel('inspection.report.symbol')).toBe('inspection.report.symbol');
    expect(countList([0, 2])).toBe('1 và 3');
    expect(countList([0, 1, 4])).toBe('1, 2 và 5');
    expect(countList([6])).toBe('7');
  });

  it('cchc validate says "nhiệm vụ thứ 2" in the text and keeps tasks[1] as the JSON path', async () => {
    const dir = workspace({ 'a.yaml': single('Sở Tài chính').replace(/^tasks:.*$/m, 'tasks: ["Việc một.", 5]') });
    const text = await run(['validate', 'a.yaml'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/a\.yaml:\d+:\d+ {2}error {2}tasks, nhiệm vụ thứ 2: /);
    expect(text.stdout).not.toContain('tasks[1]');
    const github = await run(['validate', 'a.yaml', '--format', 'github'], { cwd: dir });
    expect(github.stdout).toContain('::tasks, nhiệm vụ thứ 2: ');
    const json = JSON.parse((await run(['validate', 'a.yaml', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.problems[0].path).toBe('tasks[1]');
  });

  it('two batch entries on one output name are "mục 1 và 3"', async () => {
    const dir = workspace({
      'dot.yaml': batch([entry('Sở A', ['output: trung.docx']), entry('Sở B'), entry('Sở C', ['output: trung.docx'])]),
    });
    const r = await run(['render', 'dot.yaml', '--out-dir', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('(output-collision)'));
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toContain('(mục 1 và 3); đặt "output" khác nhau');
    expect(r.stderr).not.toMatch(/letters\[/);
  });

  it('a repeated recipient names the first one by its place in the list', async () => {
    const dir = workspace({ 'a.yaml': single('Sở Tài chính').replace(/^cc:.*$/m, 'cc: [Sở Nội vụ, Sở Tư pháp, Sở Nội vụ]') });
    const r = await run(['validate', 'a.yaml'], { cwd: dir });
    expect(r.stdout).toContain('cc, nơi nhận thứ 3: nơi nhận "Sở Nội vụ" lặp lại (đã có ở cc, mục thứ 1)');
  });
});
