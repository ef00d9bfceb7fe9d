import { describe, expect, it } from 'vitest';
import { createDrugIndex, therapeuticAreas } from './drug-registry.ts';

describe('the drug registry', () => {
  it('finds an ingredient by its INN whatever the case or spacing', () => {
    const index = createDrugIndex([{ inn: 'basiliximab', atc: ['L04AC02'], brandNames: ['Simulect'] }]);
    expect(index('Basiliximab ')?.brandNames).toEqual(['Simulect']);
    expect(index('rituximab')).toBeUndefined();
  });

  it('reads the therapeutic areas from the first letter of the ATC codes, each once', () => {
    expect(therapeuticAreas(['L04AC02', 'L01XC02', 'J01CA04'])).toEqual(['J', 'L']);
    expect(therapeuticAreas([])).toEqual([]);
  });
});
