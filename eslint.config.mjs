// ESLint 9 flat config: typescript-eslint's recommended type-checked rules over the TypeScript of
// src/ and test/, ESLint's recommended rules over the plain JavaScript of bench/, scripts/ and test/.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'var/', 'node_modules/', 'coverage/', 'docs/', 'templates/'] },
  eslint.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The input rules (src/common/text-rules.ts, DTO patterns) match control characters on purpose.
      'no-control-regex': 'off',
      // `const { dropped: _dropped, ...rest } = x` is how a property is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: {
      // Tests read JSON answers (supertest's `body` is `any`) and poke at what they check: typing every body would only restate it.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Jest's matchers take methods unbound (`expect(res.set)`), and test doubles implement async interfaces without awaiting.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    // Plain JavaScript carries no types: type-aware rules could only report `any` everywhere.
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
);
