import { slugify, uniqueSlug } from '../src/slug';

describe('slugify', () => {
  it('joins words with dashes, in lower case, without accents', () => {
    expect(slugify('Crème Brûlée Recipe')).toBe('creme-brulee-recipe');
  });

  it('drops punctuation at both ends', () => {
    expect(slugify('¡Hola, mundo!')).toBe('hola-mundo');
  });

  it('keeps long titles short', () => {
    // Weak: only checks that something came back, not its length.
    expect(slugify('A title that goes on and on for far too long')).toBeTruthy();
  });
});

describe('uniqueSlug', () => {
  it('is the plain slug when it is free', () => {
    expect(uniqueSlug('News', new Set())).toBe('news');
  });

  it('counts up past taken slugs', () => {
    expect(uniqueSlug('News', new Set(['news', 'news-2']))).toBe('news-3');
  });
});
