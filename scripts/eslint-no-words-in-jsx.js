/**
 * ESLint rule: no words written straight into JSX; they come from the message catalogs
 * (renderer/i18n/intl.ts). A word is any letter (\p{L}), so the spaces Prettier writes as
 * {' '} and language-neutral marks ("·", "→", "(") stay allowed: formatjs's own
 * no-literal-string-in-jsx reports every string, spaces included, with no way to allow them.
 * Checked: text between tags, string literals in JSX expressions (also inside ?:, && and +),
 * and the attributes a person reads or hears.
 */
const WORD = /\p{L}/u;
// What a person reads or hears, and our components' props named like it (submitLabel).
const READ_ATTRIBUTES =
  /^(label|legend|placeholder|title|alt|aria-label|aria-description|aria-valuetext|aria-roledescription|[a-z]\w*Label)$/;

const wordy = (value) => typeof value === 'string' && WORD.test(value);

function check(context, node) {
  if (!node) return;
  if (node.type === 'Literal' && wordy(node.value)) report(context, node);
  else if (node.type === 'TemplateLiteral' && node.quasis.some((q) => wordy(q.value.cooked)))
    report(context, node);
  else if (node.type === 'ConditionalExpression') {
    check(context, node.consequent);
    check(context, node.alternate);
  } else if (
    node.type === 'LogicalExpression' ||
    (node.type === 'BinaryExpression' && node.operator === '+')
  ) {
    check(context, node.left);
    check(context, node.right);
  }
}

const report = (context, node) => context.report({ node, messageId: 'words' });

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Words in JSX come from the message catalogs' },
    messages: {
      words:
        'Words shown to people come from the message catalogs: use t() (renderer/i18n/intl.ts).',
    },
    schema: [],
  },
  create(context) {
    return {
      JSXText(node) {
        if (wordy(node.value)) report(context, node);
      },
      'JSXElement > JSXExpressionContainer, JSXFragment > JSXExpressionContainer'(node) {
        check(context, node.expression);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : node.name.name.name;
        if (!READ_ATTRIBUTES.test(name) || !node.value) return;
        if (node.value.type === 'Literal') check(context, node.value);
        else if (node.value.type === 'JSXExpressionContainer')
          check(context, node.value.expression);
      },
    };
  },
};
