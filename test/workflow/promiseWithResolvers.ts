// aws-local-stepfunctions 3 calls Promise.withResolvers (Node >= 22); Node 20 lacks it.
type Resolvers<T> = { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
const promiseClass = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
if (typeof promiseClass.withResolvers !== 'function') {
  promiseClass.withResolvers = <T>(): Resolvers<T> => {
    let resolve: Resolvers<T>['resolve'] = () => {};
    let reject: Resolvers<T>['reject'] = () => {};
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
export {};
