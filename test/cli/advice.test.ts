import { apiErrorAdvice } from '../../src/cli/advice.js';

describe('apiErrorAdvice: what to do, in the command line\'s words', () => {
  test.each([
    ['Error', 'connect ECONNREFUSED 127.0.0.1:1', /could not connect to the endpoint URL: check --endpoint-url/],
    ['Error', 'getaddrinfo ENOTFOUND servicecatalog.moon-1.amazonaws.com', /could not connect to the endpoint URL/],
    ['TimeoutError', '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.', /could not connect/],
    ['ResourceNotFoundException', 'Portfolio share token share-x not found.', /check the token, and run as the account that made the share .*--profile, --region/],
    ['AccessDeniedException', 'not authorized', /management account or a delegated administrator \(--profile\)/],
    ['CredentialsProviderError', 'Could not load credentials from any providers', /configure valid AWS credentials/],
    ['UnrecognizedClientException', 'The security token included in the request is invalid.', /configure valid AWS credentials/],
    ['ValidationException', "Value 'x' at 'portfolioShareToken' failed to satisfy constraint", /check the token/],
    ['OperationNotSupportedException', 'no', /not supported/],
  ])('%s: %s', (serviceErrorName, serviceMessage, expected) => {
    expect(apiErrorAdvice({ serviceErrorName, serviceMessage })).toMatch(expected);
  });

  test('nothing to add when the message already says what to do, or for an error it does not know', () => {
    expect(apiErrorAdvice({ serviceErrorName: 'MissingRegion', serviceMessage: 'no AWS region: pass --region, …' })).toBeUndefined();
    expect(apiErrorAdvice({ serviceErrorName: 'SomethingNew', serviceMessage: 'surprise' })).toBeUndefined();
    expect(apiErrorAdvice({})).toBeUndefined();
  });
});
