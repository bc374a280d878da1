import { describe, expect, it } from 'vitest';
import { commentPreview, commentText, renderComment, sanitizeCommentHtml } from './markdown';

const ADA = '11111111-1111-4111-8111-111111111111';

const SAFE_TAGS = new Set(['p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

/**
 * Nothing executable may survive: every real tag (text shows `<` as `&lt;`) is on the allow-list,
 * no attribute is an event handler or a style, and every link is http(s) or mailto.
 */
function expectInert(html: string) {
  for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    expect(SAFE_TAGS.has(name!.toLowerCase()), `tag <${name}> in ${html}`).toBe(true);
    for (const [, attr, value] of attrs!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      const a = attr!.toLowerCase();
      expect(['href', 'title', 'rel', 'target', 'class', 'data-user-id', 'start'], `attribute ${a} in ${html}`).toContain(a);
      if (a === 'href') expect(value, html).toMatch(/^(https?:\/\/|mailto:)/);
      if (a === 'class') expect(value).toBe('mention');
    }
  }
}

describe('renderComment', () => {
  it('renders markdown', () => {
    expect(renderComment('**bold** and _em_\n\n- one\n- two')).toBe('<p><strong>bold</strong> and <em>em</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(renderComment('`a < b`')).toBe('<p><code>a &lt; b</code></p>');
    expect(renderComment('line one\nline two')).toBe('<p>line one<br />\nline two</p>');
  });

  it('links http, https and mailto with safe rel and target, and linkifies bare URLs', () => {
    expect(renderComment('[docs](https://example.com/a?b=1)')).toBe(
      '<p><a href="https://example.com/a?b=1" rel="noopener noreferrer nofollow" target="_blank">docs</a></p>',
    );
    expect(renderComment('see https://example.com')).toBe(
      '<p>see <a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">https://example.com</a></p>',
    );
    expect(renderComment('<mailto:ada@example.com>')).toContain('href="mailto:ada@example.com"');
  });

  it('renders mentions as a span with class mention', () => {
    expect(renderComment(`Thanks @[Ada <b>Lovelace</b>](user:${ADA})!`)).toBe(
      `<p>Thanks <span class="mention" data-user-id="${ADA}">@Ada &lt;b&gt;Lovelace&lt;/b&gt;</span>!</p>`,
    );
    expect(renderComment(`\`@[Ada](user:${ADA})\``)).not.toContain('class="mention"');
  });

  const vectors = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<img src=x onerror=alert(1)>',
    '<body onload=alert(1)>',
    '<svg onload=alert(1)><circle/></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<style>body{background:url(javascript:alert(1))}</style>',
    '<a href="javascript:alert(1)">x</a>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](javascript&#x3A;alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](java\nscript:alert(1))',
    '[x](%6Aavascript:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](DATA:text/html,<script>alert(1)</script>)',
    '[x](file:///etc/passwd)',
    '![x](javascript:alert(1))',
    '![x" onerror="alert(1)](https://example.com/a.png)',
    '[x](https://example.com" onmouseover="alert(1))',
    '[x][r]\n\n[r]: javascript:alert(1)',
    '<javascript:alert(1)>',
    'javascript:alert(1)',
    `@[<img src=x onerror=alert(1)>](user:${ADA})`,
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<embed src="javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  ];
  it.each(vectors)('neutralises %s', (vector) => {
    expectInert(renderComment(vector));
  });

  it('keeps the text of a neutralised link', () => {
    expect(renderComment('[click](javascript:alert(1))')).toBe('<p>[click](javascript:alert(1))</p>');
  });
});

describe('sanitizeCommentHtml (the allow-list on its own)', () => {
  it.each([
    '<script>alert(1)</script><p>ok</p>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<a href=" &#14; javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<p onclick="alert(1)">x</p>',
    '<span class="mention evil" style="position:fixed">x</span>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<iframe src="https://example.com"></iframe>',
    '<style>*{}</style>',
    '<a href="//evil.example">x</a>',
  ])('strips %s', (html) => {
    const out = sanitizeCommentHtml(html);
    expectInert(out);
    expect(out).not.toContain('style=');
    expect(out).not.toContain('evil');
  });

  it('forces rel and target on links', () => {
    expect(sanitizeCommentHtml('<a href="https://x.example" rel="opener" target="_self">x</a>')).toBe(
      '<a href="https://x.example" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
  });
});

describe('commentText', () => {
  it('takes the markdown away and shows mentions as @Name', () => {
    expect(commentText('**40-minute sorter outage** on _line 3_')).toBe('40-minute sorter outage on line 3');
    expect(commentText(`Thanks @[Ada Lovelace](user:${ADA}), see [the runbook](https://x.example) and \`a < b\``)).toBe('Thanks @Ada Lovelace, see the runbook and a < b');
    expect(commentText('a &amp; b \\*not em\\*')).toBe('a & b *not em*');
  });

  it('puts blocks on one line, a space apart', () => {
    expect(commentText('# Plan\n\n- one\n- two\n\n> quoted\nline\n\n```\nconst a = 1;\n```')).toBe('Plan one two quoted line const a = 1;');
    expect(commentText('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a b 1 2');
  });

  it('keeps what looks like HTML as the text it is', () => {
    expect(commentText('<b>hi</b>')).toBe('<b>hi</b>');
  });
});

describe('commentPreview', () => {
  it('is the whole text when short enough', () => {
    expect(commentPreview('**Short** one')).toBe('Short one');
    expect(commentPreview('x'.repeat(140))).toBe('x'.repeat(140));
  });

  it('cuts a long text at a word, ending in "…", within 140 characters', () => {
    // 40 × "word" is 199 characters; the first 139 are 28 whole words (a space follows), so all 28 stay.
    expect(commentPreview('word '.repeat(40))).toBe(`${'word '.repeat(28).trimEnd()}…`);
    // "sorting " × 20: the first 139 characters end inside the 18th word (17 × 8 = 136), so 17 stay.
    expect(commentPreview('sorting '.repeat(20))).toBe(`${'sorting '.repeat(17).trimEnd()}…`);
    // One long word is cut where it must be.
    expect(commentPreview('x'.repeat(150))).toBe(`${'x'.repeat(139)}…`);
    expect(commentPreview('**bold** '.repeat(30), 20)).toBe('bold bold bold bold…');
    expect(commentPreview('**bolder** '.repeat(30), 30)).toBe('bolder bolder bolder bolder…');
  });
});
