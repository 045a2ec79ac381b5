// Tray, Menu and nativeImage. A menu keeps its items' click handlers, so a scenario clicks a tray
// item the way a user would: by its label.
import { asDeclared, checkOptions, rawOf } from './declared-check';
import { DeclaredEmitter, electronEvent, record, requireReady } from './fake-state';

export interface FakeMenuItem {
  label: string;
  type: string;
  enabled: boolean;
  click: ((...args: unknown[]) => void) | null;
  submenu: FakeMenu | null;
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}

  static buildFromTemplate(template: unknown[]): FakeMenu {
    template.forEach((item, index) => checkOptions('MenuItemConstructorOptions', item, `template[${index}]`));
    return asDeclared('Menu', new FakeMenu(template.map(toItem)));
  }

  /** Every item, depth first, with its submenu path. */
  flatten(path: string[] = []): Array<{ path: string[]; item: FakeMenuItem }> {
    return this.items.flatMap((item) => [
      { path, item },
      ...(item.submenu ? item.submenu.flatten([...path, item.label]) : []),
    ]);
  }
}

function toItem(raw: unknown): FakeMenuItem {
  const item = raw as {
    label?: string;
    type?: string;
    enabled?: boolean;
    click?: (...args: unknown[]) => void;
    submenu?: unknown[] | FakeMenu;
  };
  const submenu = Array.isArray(item.submenu)
    ? rawOf(FakeMenu.buildFromTemplate(item.submenu))
    : item.submenu
      ? rawOf(item.submenu)
      : null;
  return {
    label: item.label ?? '',
    type: item.type ?? (submenu ? 'submenu' : 'normal'),
    enabled: item.enabled ?? true,
    click: item.click ?? null,
    submenu: submenu,
  };
}

export class FakeNativeImage {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  isEmpty(): boolean {
    return this.path === '';
  }
}

export const nativeImage = {
  createFromPath: (path: string) => asDeclared('NativeImage', new FakeNativeImage(path)),
  createEmpty: () => asDeclared('NativeImage', new FakeNativeImage('')),
};

export class FakeTray extends DeclaredEmitter {
  static readonly all: FakeTray[] = [];
  image: FakeNativeImage;
  toolTip = '';
  contextMenu: FakeMenu | null = null;
  menusSet = 0;
  private destroyed = false;

  constructor(image: FakeNativeImage) {
    super('Tray');
    requireReady('new Tray()');
    this.image = rawOf(image);
    record('new Tray', this.image.path);
    FakeTray.all.push(this);
    return asDeclared('Tray', this);
  }
  setImage(image: FakeNativeImage): void {
    this.image = rawOf(image);
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setContextMenu(menu: FakeMenu | null): void {
    if (this.destroyed) throw new Error('Tray is destroyed');
    record('Tray#setContextMenu');
    this.contextMenu = menu && rawOf(menu);
    this.menusSet++;
  }
  destroy(): void {
    record('Tray#destroy');
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The scenario's side: the user picks the item labelled `label` (in any submenu). */
  clickItem(label: string | RegExp): void {
    if (this.destroyed) throw new Error('the tray is gone');
    const found = this.contextMenu
      ?.flatten()
      .find(({ item }) => (typeof label === 'string' ? item.label === label : label.test(item.label)));
    if (!found) throw new Error(`no tray item ${String(label)} in: ${this.labels().join(' | ')}`);
    if (!found.item.click || !found.item.enabled) throw new Error(`tray item ${found.item.label} cannot be clicked`);
    found.item.click(found.item, undefined, electronEvent());
  }
  /** Labels of the current menu, submenus as "parent > item". */
  labels(): string[] {
    return (this.contextMenu?.flatten() ?? [])
      .filter(({ item }) => item.type !== 'separator')
      .map(({ path, item }) => [...path, item.label].join(' > '));
  }
}
