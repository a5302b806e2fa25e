import { buildTestbed } from './build.js';

/**
 * Return the path of the cfn-lint executable in the test bed's Python venv, installing it from
 * PyPI into the cache on first use. Run it with the environment from `awsEnvironment()`.
 */
export async function cfnLintPath(): Promise<string> {
  return (await buildTestbed(['python'])).cfnLint;
}
