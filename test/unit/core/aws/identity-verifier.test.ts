import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { awsFilesFor, stsEndpointFor } from '../../../../electron/core/aws/identity-verifier';

const SOURCE = path.resolve(import.meta.dirname, '../../../../electron/core/aws/identity-verifier.ts');

describe('identity-verifier module', () => {
  it('loads the AWS SDK only inside verify: no value import of @aws-sdk at module level', () => {
    const file = ts.createSourceFile(SOURCE, readFileSync(SOURCE, 'utf8'), ts.ScriptTarget.Latest, true);
    const staticSdkImports = file.statements
      .filter(ts.isImportDeclaration)
      .filter((d) => ts.isStringLiteral(d.moduleSpecifier) && d.moduleSpecifier.text.startsWith('@aws-sdk/'))
      .filter((d) => !d.importClause?.isTypeOnly);
    expect(staticSdkImports.map((d) => d.getText())).toEqual([]);

    const dynamicSdkImports: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteral(arg)) dynamicSdkImports.push(arg.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    expect(dynamicSdkImports.sort()).toEqual(['@aws-sdk/client-sts', '@aws-sdk/credential-providers']);
  });
});

describe('awsFilesFor', () => {
  it('defaults to ~/.aws under the given HOME', () => {
    expect(awsFilesFor({ HOME: '/home/u' })).toEqual({
      configFile: '/home/u/.aws/config',
      credentialsFile: '/home/u/.aws/credentials',
    });
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, expanding ~ with the given HOME', () => {
    expect(
      awsFilesFor({ HOME: '/home/u', AWS_CONFIG_FILE: '~/cfg/aws', AWS_SHARED_CREDENTIALS_FILE: '/etc/creds' }),
    ).toEqual({
      configFile: '/home/u/cfg/aws',
      credentialsFile: '/etc/creds',
    });
  });

  it('falls back to USERPROFILE when HOME is unset (Windows)', () => {
    expect(awsFilesFor({ USERPROFILE: '/users/u' }).configFile).toBe(path.join('/users/u', '.aws', 'config'));
  });
});

describe('stsEndpointFor', () => {
  it('prefers the STS-specific variable over the generic one', () => {
    expect(stsEndpointFor({ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_STS: 'http://b' })).toBe('http://b');
    expect(stsEndpointFor({ AWS_ENDPOINT_URL: 'http://a' })).toBe('http://a');
    expect(stsEndpointFor({})).toBeUndefined();
  });

  it('ignores both when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true', () => {
    expect(
      stsEndpointFor({ AWS_ENDPOINT_URL_STS: 'http://b', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
    ).toBeUndefined();
  });
});
