/** The OpenAPI description of the JSON API. A test keeps it in step with the routes in server.ts. */
const q = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'string' } });
const p = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const ok = (description: string) => ({ '200': { description, content: { 'application/json': {} } }, default: { $ref: '#/components/responses/Error' } });

export function openapi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Techfence API',
      version: '0.1.0',
      description: 'The US–China technology-control regime as a sourced, bilingual knowledge base. Every record carries its evidence (source, quote, offsets). Read-only.',
      license: { name: 'Apache-2.0' },
    },
    paths: {
      '/api/health': { get: { summary: 'Storage engine, dataset version and record count', responses: ok('status') } },
      '/api/search': { get: { summary: 'Find records by name or alias in English, 简体 or 繁體, best first', parameters: [q('q', 'words to look for (≤ 200 characters)', true), q('type', 'comma-separated record types'), q('limit', 'at most this many hits (default 20)')], responses: ok('hits with the name that matched and a score') } },
      '/api/records/{id}': { get: { summary: 'One record with relations, memberships, evidence and history', parameters: [p('id', 'record id, e.g. entity-list')], responses: ok('the record view') } },
      '/api/timeline': { get: { summary: 'Events in date order', parameters: [q('pillar', 'pillar id'), q('technology', 'technology id (includes sub-technologies)'), q('actor', 'actor id'), q('target', 'target id'), q('framework', 'framework id'), q('instrument', 'instrument id'), q('about', 'any linked record id'), q('period', 'trump-1 | biden | trump-2'), q('from', 'YYYY[-MM[-DD]]'), q('to', 'YYYY[-MM[-DD]]'), q('limit', 'at most this many events')], responses: ok('events') } },
      '/api/frameworks/{id}/members': { get: { summary: 'Members of a framework on a date', parameters: [p('id', 'framework id, e.g. artemis-accords'), q('on', 'YYYY-MM-DD (default today)')], responses: ok('members, later members and former members') } },
      '/api/changes': { get: { summary: 'What changed after one date up to another', parameters: [q('from', 'YYYY-MM-DD', true), q('to', 'YYYY-MM-DD', true)], responses: ok('events, memberships begun or ended, instruments in force') } },
      '/api/figures': { get: { summary: 'Quantitative figures by topic', parameters: [q('topic', 'a topic word, pillar, technology or subject id, or words of the measure')], responses: ok('figures with their first quote') } },
      '/api/export': { get: { summary: 'The whole knowledge base as one JSON document', responses: ok('records, relations, evidence') } },
      '/api/history/{id}': { get: { summary: 'Every change to a record', parameters: [p('id', 'record id')], responses: ok('history entries') } },
    },
    components: {
      responses: {
        Error: {
          description: 'Any error: one shape for all',
          content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object', properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } }, required: ['status', 'code', 'message'] } } } } },
        },
      },
    },
  };
}
