import { Header } from '@nestjs/common';

const noStore = Header('Cache-Control', 'no-store');

/**
 * A controller or route whose answers carry personal data or a secret (a manage token, a bearer
 * token): no cache, shared or private, may keep them. On a controller it marks every route of it.
 * A response header rather than an interceptor: an interceptor costs an RxJS pipeline and two
 * async resources per request, on the registration path among others.
 */
export function NoStore(): ClassDecorator & MethodDecorator {
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) return noStore(target, key!, descriptor);
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const route = Object.getOwnPropertyDescriptor(prototype, name);
      if (name !== 'constructor' && typeof route?.value === 'function') noStore(prototype, name, route);
    }
  }) as ClassDecorator & MethodDecorator;
}
