/**
 * How `npm test` gets a Chromium: the decision from the machine's facts
 * (scripts/ensure-chromium.ts), never a browser download.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChromiumFacts,
  chromiumAction,
  INSTALL_COMMAND,
  isDebianFamily,
} from '../../scripts/ensure-chromium';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

const bare: ChromiumFacts = {
  chromiumPathExecutable: false,
  candidates: [undefined, undefined, undefined, undefined],
  isRoot: false,
  osRelease: DEBIAN,
};

describe('chromiumAction', () => {
  it('uses CHROMIUM_PATH when it is executable, before any other candidate', () => {
    expect(
      chromiumAction({
        ...bare,
        chromiumPathVariable: '/opt/chrome/chrome',
        chromiumPathExecutable: true,
        candidates: ['/usr/bin/chromium', undefined, undefined, undefined],
      }),
    ).toEqual({ kind: 'use', path: '/opt/chrome/chrome' });
  });

  it('stops on a CHROMIUM_PATH that is not executable rather than quietly using another browser', () => {
    const action = chromiumAction({
      ...bare,
      isRoot: true,
      chromiumPathVariable: '/nowhere/chrome',
      candidates: ['/usr/bin/chromium', undefined, undefined, undefined],
    });
    expect(action.kind).toBe('stop');
    expect(action.kind === 'stop' && action.message).toContain('/nowhere/chrome');
  });

  it('takes the first candidate found, in order', () => {
    expect(
      chromiumAction({
        ...bare,
        candidates: [undefined, undefined, '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
      }),
    ).toEqual({
      kind: 'use',
      path: '/usr/bin/chromium-browser',
    });
  });

  it('installs Debian’s chromium when none exists and it runs as root on Debian or Ubuntu', () => {
    for (const osRelease of [DEBIAN, UBUNTU, MINT]) {
      expect(chromiumAction({ ...bare, isRoot: true, osRelease })).toEqual({
        kind: 'install',
        command: INSTALL_COMMAND,
        installedPath: '/usr/bin/chromium',
      });
    }
  });

  it('stops with the sudo command to run when not root on Debian', () => {
    const action = chromiumAction(bare);
    expect(action.kind).toBe('stop');
    expect(action.kind === 'stop' && action.message).toContain(`sudo sh -c '${INSTALL_COMMAND}'`);
  });

  it('never installs on another system, even as root, and says what to do in one sentence', () => {
    for (const osRelease of [FEDORA, undefined]) {
      const action = chromiumAction({ ...bare, isRoot: true, osRelease });
      expect(action.kind).toBe('stop');
      const message = action.kind === 'stop' ? action.message : '';
      expect(message).toContain('CHROMIUM_PATH');
      expect(message).not.toContain('apt-get');
      expect(message.match(/\.(\s|$)/g)).toHaveLength(1);
    }
  });
});

describe('isDebianFamily', () => {
  it('reads ID and ID_LIKE, quoted or not', () => {
    expect(isDebianFamily(DEBIAN)).toBe(true);
    expect(isDebianFamily(UBUNTU)).toBe(true);
    expect(isDebianFamily(MINT)).toBe(true);
    expect(isDebianFamily(FEDORA)).toBe(false);
    expect(isDebianFamily('ID=debianish\n')).toBe(false);
    expect(isDebianFamily(undefined)).toBe(false);
  });
});
