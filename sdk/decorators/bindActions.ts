import type { DeploymentParameters } from "../deployments/resolveDeployment.js";
import type { AnyClient } from "../utils/sendPreparedCall.js";

/** An action with its client bound: the same parameters and result, minus the client. */
export type BoundAction<action> = action extends (
  client: AnyClient,
  ...parameters: infer parameters
) => infer result
  ? (...parameters: parameters) => result
  : never;

/** Every action of `actions`, bound. */
export type BoundActions<actions> = { [name in keyof actions]: BoundAction<actions[name]> };

/**
 * Binds `actions` to `client`. A `deployment` given here applies to every call that does not
 * pass its own.
 */
export function bindActions<
  actions extends Record<string, (client: AnyClient, parameters: never) => unknown>,
>(client: AnyClient, actions: actions, defaults: DeploymentParameters): BoundActions<actions> {
  const bound: Record<string, unknown> = {};
  for (const [name, action] of Object.entries(actions)) {
    bound[name] = (parameters: DeploymentParameters = {}) =>
      action(client, {
        ...parameters,
        deployment: parameters.deployment ?? defaults.deployment,
      } as never);
  }
  return bound as BoundActions<actions>;
}
