/**
 * Unit-project setup: English and Creole are lazy chunks in the app (src/i18n/translate.ts);
 * in Node every catalogue is loaded up front, as if the user had picked each language once.
 */
import { LANGUAGES, loadLanguage } from '../../src/i18n/translate';

await Promise.all(LANGUAGES.map(loadLanguage));
