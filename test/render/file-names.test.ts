import { describe, expect, it } from 'vitest';
import { asciiFileNamePart, fileNamePart } from '../../src/render/file-names.js';

describe('file names', () => {
  it('when a name is Bengali or Hindi, then its vowel signs stay in the file name', () => {
    expect(fileNamePart('রহিম উদ্দিন')).toBe('রহিম-উদ্দিন');
    expect(fileNamePart('सुरेश कुमार')).toBe('सुरेश-कुमार');
    expect(fileNamePart('Alice / Bob')).toBe('Alice-Bob');
  });

  it('when a file goes to Telegram, then a name beyond ASCII becomes customer-<id>', () => {
    expect(asciiFileNamePart('রহিম উদ্দিন', 7)).toBe('customer-7');
    expect(asciiFileNamePart('Alice Khan', 7)).toBe('Alice-Khan');
  });
});
