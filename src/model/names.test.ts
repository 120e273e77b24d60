import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeName } from './names.js';
import { deriveNames, toPinyin } from './derive.js';

test('one matching key for a name in either script, any bracket style, width or case', () => {
  const same: string[][] = [
    ['实体清单', '實體清單', '「實體清單」', '《实体清单》', ' 实体 清单 '],
    ['小院高墙', '小院高牆', '小院高墻', '“小院高墙”'],
    ['Entity List', 'entity list', 'ENTITY-LIST', 'Ｅｎｔｉｔｙ　Ｌｉｓｔ'],
    ['中芯国际', '中芯國際'],
    ['美欧贸易技术委员会', '美歐貿易技術委員會'],
  ];
  for (const group of same) {
    const keys = new Set(group.map(normalizeName));
    assert.equal(keys.size, 1, `${group.join(' / ')} → ${[...keys].join(' / ')}`);
  }
  assert.notEqual(normalizeName('华为'), normalizeName('中兴'));
  assert.equal(normalizeName('!!!'), '');
});

test('Traditional names and pinyin are derived from Simplified ones', () => {
  const n = deriveNames({ en: 'Entity List', 'zh-Hans': '实体清单' });
  assert.equal(n['zh-Hant'], '實體清單');
  assert.equal(n.pinyin, 'shi ti qing dan');
  assert.equal(toPinyin('中芯国际 SMIC'), 'zhong xin guo ji smic');
  // A curator's explicit form wins over the conversion.
  assert.equal(deriveNames({ 'zh-Hans': '芯片', 'zh-Hant': '晶片' })['zh-Hant'], '晶片');
});
