// Judges the HTTP answer that came back over a verified chain. A handler must answer GET /ping with `Healthy`
// (the only documented unauthenticated probe); other hosts count as reached by any answer, unless the answer
// shows that something else spoke: a 407, a Via header, or an HTML page.
import type { Code } from '../../types.js';
import { clip } from '../../neutralise.js';
import { headerText, type HttpAnswer } from '../../imds/http.js';

export interface HttpVerdict {
  failure: { code: Code; reason: string } | null;
  /** How the answer is described when it passes. */
  summary: string;
}

const HTML_START = /^\s*<(!doctype\s+html|html[\s>])/i;

/** The page title of an HTML answer, if any: it usually names the appliance that blocked the request. */
function htmlTitle(body: string): string {
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body)?.[1]?.trim() ?? '';
  return title === '' ? '' : ` titled '${clip(title, 80)}'`;
}

export function judgeHttp(
  answer: Pick<HttpAnswer, 'status' | 'headers' | 'body'>,
  handler: boolean,
  path: string,
): HttpVerdict {
  const status = `HTTP ${answer.status}`;
  const notAzure = (reason: string): HttpVerdict => ({
    failure: { code: 'ama_not_azure_answer', reason },
    summary: '',
  });
  if (answer.status === 407)
    return notAzure(`a proxy answered inside the TLS connection (${status}, proxy authentication)`);
  const via = headerText(answer, 'via');
  if (via.trim() !== '')
    return notAzure(`the answer passed through '${clip(via.trim(), 80)}' (Via header, ${status})`);
  const type = headerText(answer, 'content-type');
  if (/text\/html/i.test(type) || HTML_START.test(answer.body))
    return notAzure(`an HTML page came back${htmlTitle(answer.body)} (${status}), not Azure Monitor`);
  if (!handler) return { failure: null, summary: `GET ${path} answered ${status}` };
  if (answer.body.trim() === 'Healthy') return { failure: null, summary: `GET ${path} answered Healthy` };
  const body = answer.body.trim() === '' ? 'an empty body' : `'${clip(answer.body.trim(), 60)}'`;
  return {
    failure: {
      code: 'ama_ping_unhealthy',
      reason: `GET ${path} answered ${status} with ${body}, not Healthy`,
    },
    summary: '',
  };
}
