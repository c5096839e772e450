/**
 * Types of the network and results endpoints, inferred from the server's routes like those in
 * api.ts (kept apart so the two feature areas can grow without touching one file).
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { api } from '../api.js';

export type Introduction = InferResponseType<typeof api.network.introductions.$get, 200>[number];
export type IntroductionInput = InferRequestType<typeof api.network.introductions.$post>['json'];
export type IntroductionGraph = InferResponseType<typeof api.network.graph.$get, 200>;
export type GraphNode = IntroductionGraph['nodes'][number];
export type GraphEdge = IntroductionGraph['edges'][number];
export type Chain = InferResponseType<(typeof api.network.chain)[':id']['$get'], 200>;
export type Credit = InferResponseType<(typeof api.network.credits)[':id']['$get'], 200>[number];
export type WarmPath = InferResponseType<(typeof api.network)['warm-paths'][':id']['$get'], 200>[number];
export type Coverage = InferResponseType<(typeof api.network.coverage)[':id']['$get'], 200>;
export type Opportunity = InferResponseType<typeof api.opportunities.$get, 200>[number];
export type OpportunityInput = InferRequestType<typeof api.opportunities.$post>['json'];
export type Dashboard = InferResponseType<typeof api.opportunities.dashboard.$get, 200>;
export type ReplyRate = Dashboard['replyRate']['byChannel'][number];
