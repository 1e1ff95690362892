// The AWS SDK warns about Node 20 on every client construction; silence it in tests and in the
// child processes they spawn (which inherit process.env).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
