import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';

export interface FigureMenuItem {
  measureId: string;
  /** The measure in words („25 spotkań”, or the kind of a figure beyond the plan). */
  text: string;
  /** A planned measure's whole figure: it can be given in parts. */
  canSplit: boolean;
}

export interface FigureMenuProps {
  items: FigureMenuItem[];
  onSplit: (measureId: string) => void;
  onAddSubset: (measureId: string) => void;
}

/**
 * Parts and „w tym” for every figure in one menu after the figures: the figures stay next to each
 * other in the Tab order (one field after another, as a clerk types them), the rarer actions one stop.
 */
export function FigureMenu({ items, onSplit, onAddSubset }: FigureMenuProps) {
  if (items.length === 0) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" appearance="subtle">{MSG.figureForm.menu}</MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {items.flatMap((it) => [
            ...(it.canSplit ? [<MenuItem key={`c-${it.measureId}`} title={MSG.figureForm.splitHint} onClick={() => onSplit(it.measureId)}>{MSG.figureForm.splitItem(it.text)}</MenuItem>] : []),
            <MenuItem key={`w-${it.measureId}`} onClick={() => onAddSubset(it.measureId)}>{MSG.figureForm.subsetItem(it.text)}</MenuItem>,
          ])}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
