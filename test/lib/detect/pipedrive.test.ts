import { describe, expect, it } from 'vitest';
import { readPipedrive } from '../../../lib/detect/pipedrive';
import { readFixture } from './load';

describe('readPipedrive', () => {
  it.each([
    [
      "a person: every address of the person's email field, suffixes dropped; the owner, a follower and the activity flow left out",
      'person.html',
      'https://acme.pipedrive.com/person/1234',
      [
        { email: 'dana.ruiz@buyer.example', name: 'Dana Ruiz', role: 'record' },
        { email: 'dana@home.example', name: 'Dana Ruiz', role: 'record' },
      ],
    ],
    [
      "a deal: its person's address (plain text with a suffix) and name; the owner left out",
      'deal.html',
      'https://acme.pipedrive.com/deal/88',
      [{ email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'record' }],
    ],
    [
      "the end-to-end build's stand-in deal page",
      'deal.html',
      'http://localhost:5173/pipedrive/deal/88',
      [{ email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'record' }],
    ],
    [
      'a person page without the English title and before the name field: the name from the header title',
      'person-localized.html',
      'https://acme.pipedrive.com/person/1235',
      [{ email: 'j.weber@kaeufer.example', name: 'Jonas Weber', role: 'record' }],
    ],
    ['a person page still loading', 'person-loading.html', 'https://acme.pipedrive.com/person/1234', []],
    ['the people list: rows are not the contact', 'persons-list.html', 'https://acme.pipedrive.com/persons/list', []],
  ] as const)('%s', (_case, file, url, expected) => {
    expect(readFixture('pipedrive', readPipedrive, file, url)).toEqual(expected);
  });
});
