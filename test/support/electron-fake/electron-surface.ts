// What the pinned Electron declares, read from node_modules/electron/electron.d.ts with the
// TypeScript compiler: for every interface and class of `namespace Electron`, its member names,
// the event names of its `on(event: '...')` overloads (with the listener parameters marked
// @deprecated), and which options interfaces its properties refer to. The fake checks the app
// against this, so an option, event or method Electron does not declare fails the test instead
// of passing silently against a fake that accepts anything.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface DeclaredType {
  kind: 'interface' | 'class';
  members: string[];
  /** Event name -> indices of listener parameters the d.ts marks @deprecated. */
  events: Record<string, number[]>;
  /** Property name -> the namespace's interfaces its type names (for nested options objects). */
  propertyTypes: Record<string, string[]>;
  extends: string[];
}

export type ElectronSurface = Record<string, DeclaredType>;

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');

/** The d.ts the app is built against: the installed electron package's. */
export function electronDtsPath(): string {
  return createRequire(join(repoRoot, 'package.json')).resolve('electron/electron.d.ts');
}

/** Parses a d.ts text into the surface of its `namespace Electron`. */
export function parseElectronSurface(text: string): ElectronSurface {
  const source = ts.createSourceFile('electron.d.ts', text, ts.ScriptTarget.Latest, true);
  const surface: ElectronSurface = {};
  for (const statement of source.statements) {
    if (!ts.isModuleDeclaration(statement) || statement.name.getText(source) !== 'Electron') continue;
    const body = statement.body;
    if (!body || !ts.isModuleBlock(body)) continue;
    for (const node of body.statements) {
      if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) {
        const name = node.name?.text;
        if (!name) continue;
        const declared = (surface[name] ??= {
          kind: ts.isClassDeclaration(node) ? 'class' : 'interface',
          members: [],
          events: {},
          propertyTypes: {},
          extends: [],
        });
        readDeclaration(node, declared, source);
      }
    }
  }
  return surface;
}

function readDeclaration(
  node: ts.InterfaceDeclaration | ts.ClassDeclaration,
  declared: DeclaredType,
  source: ts.SourceFile,
): void {
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const type of clause.types) declared.extends.push(type.expression.getText(source));
  }
  const members = new Set(declared.members);
  for (const member of node.members) {
    const name =
      member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : null;
    if (name === null) continue;
    members.add(name);
    if ((ts.isMethodSignature(member) || ts.isMethodDeclaration(member)) && name === 'on')
      readEvent(member, declared, source);
    if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) {
      const refs = member.type ? referencedNames(member.type, source) : [];
      if (refs.length > 0) declared.propertyTypes[name] = refs;
    }
  }
  declared.members = [...members];
}

function readEvent(
  method: ts.MethodSignature | ts.MethodDeclaration,
  declared: DeclaredType,
  source: ts.SourceFile,
): void {
  const [eventParam, listenerParam] = method.parameters;
  const eventType = eventParam?.type;
  if (!eventType || !ts.isLiteralTypeNode(eventType) || !ts.isStringLiteral(eventType.literal)) return;
  const deprecated: number[] = [];
  const listenerType = listenerParam?.type;
  if (listenerType && ts.isFunctionTypeNode(listenerType)) {
    listenerType.parameters.forEach((param, index) => {
      if (/@deprecated/.test(param.getFullText(source))) deprecated.push(index);
    });
  }
  declared.events[eventType.literal.text] = deprecated;
}

/** Type names a property's type refers to, through arrays and unions (`A[] | B` -> A, B). */
function referencedNames(type: ts.TypeNode, source: ts.SourceFile): string[] {
  if (ts.isTypeReferenceNode(type)) return [type.typeName.getText(source)];
  if (ts.isArrayTypeNode(type)) return referencedNames(type.elementType, source);
  if (ts.isUnionTypeNode(type)) return type.types.flatMap((t) => referencedNames(t, source));
  if (ts.isParenthesizedTypeNode(type)) return referencedNames(type.type, source);
  return [];
}

let loaded: ElectronSurface | null = null;

/**
 * The installed d.ts's surface. Parsing takes a few hundred milliseconds, and every scenario is a
 * fresh process, so the result is kept in node_modules/.cache under the d.ts's content hash.
 */
export function electronSurface(): ElectronSurface {
  if (loaded) return loaded;
  const text = readFileSync(electronDtsPath(), 'utf8');
  const hash = createHash('sha256')
    .update(text)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  const cacheFile = join(repoRoot, 'node_modules', '.cache', 'electron-fake', `surface-${hash}.json`);
  try {
    loaded = JSON.parse(readFileSync(cacheFile, 'utf8')) as ElectronSurface;
    return loaded;
  } catch {
    // Not cached yet: parse below.
  }
  loaded = parseElectronSurface(text);
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(loaded));
  } catch {
    // A read-only checkout parses every time; nothing else changes.
  }
  return loaded;
}
