// `new JustFlowIt({ apiKey })`: one property per API resource, each method one route of /api/v1.
import { PageList } from './pagination.ts';
import { Transport, type ClientOptions } from './transport.ts';
import type {
  ApiKey, DeletedDiagram, DeletedFolder, Diagram, DiagramCreateParams, DiagramListParams, DiagramUpdateParams, Folder,
  FolderCreateParams, FolderListParams, FolderUpdateParams, Generation, GenerationCreateParams, GenerationListParams,
  Page, RenderParams,
} from './types.ts';

const id = (value: string) => encodeURIComponent(value);

function list<T>(http: Transport, path: string, params: object): PageList<T> {
  return new PageList((cursor) => http.request<Page<T>>({ method: 'GET', path, query: cursor === undefined ? params : { ...params, cursor } }));
}

export class Diagrams {
  constructor(private readonly http: Transport) {}

  /** Imports BPMN 2.0 XML (`bpmn_xml`) or, with the generate scope, generates from a `prompt`. */
  create(params: DiagramCreateParams): Promise<Diagram> {
    return this.http.request({ method: 'POST', path: '/diagrams', body: params });
  }

  retrieve(diagramId: string): Promise<Diagram> {
    return this.http.request({ method: 'GET', path: `/diagrams/${id(diagramId)}` });
  }

  /** Renames, moves or replaces the BPMN; pass `version` to apply only at that version (else 409 version_conflict). */
  update(diagramId: string, params: DiagramUpdateParams): Promise<Diagram> {
    return this.http.request({ method: 'PATCH', path: `/diagrams/${id(diagramId)}`, body: params });
  }

  delete(diagramId: string): Promise<DeletedDiagram> {
    return this.http.request({ method: 'DELETE', path: `/diagrams/${id(diagramId)}` });
  }

  /** Newest first; `folder_id: 'none'` for the top level. */
  list(params: DiagramListParams = {}): PageList<Diagram> {
    return list(this.http, '/diagrams', params);
  }

  /** The image: SVG text for `format: 'svg'`, else PNG bytes. */
  render(diagramId: string, params: RenderParams & { format: 'svg' }): Promise<string>;
  render(diagramId: string, params?: RenderParams & { format?: 'png' }): Promise<Uint8Array>;
  render(diagramId: string, params: RenderParams = {}): Promise<string | Uint8Array> {
    const kind = params.format === 'svg' ? 'text' : 'bytes';
    return this.http.request({ method: 'GET', path: `/diagrams/${id(diagramId)}/image`, query: params, kind });
  }

  /** BPMN 2.0 XML, with diagram interchange and everything an import had. */
  export(diagramId: string): Promise<string> {
    return this.http.request({ method: 'GET', path: `/diagrams/${id(diagramId)}/export`, kind: 'text' });
  }
}

export class Folders {
  constructor(private readonly http: Transport) {}

  create(params: FolderCreateParams): Promise<Folder> {
    return this.http.request({ method: 'POST', path: '/folders', body: params });
  }

  retrieve(folderId: string): Promise<Folder> {
    return this.http.request({ method: 'GET', path: `/folders/${id(folderId)}` });
  }

  update(folderId: string, params: FolderUpdateParams): Promise<Folder> {
    return this.http.request({ method: 'PATCH', path: `/folders/${id(folderId)}`, body: params });
  }

  /** Only an empty folder (no folders, no diagrams); else 409 folder_not_empty. */
  delete(folderId: string): Promise<DeletedFolder> {
    return this.http.request({ method: 'DELETE', path: `/folders/${id(folderId)}` });
  }

  /** Newest first; `parent_id: 'none'` for the top level. */
  list(params: FolderListParams = {}): PageList<Folder> {
    return list(this.http, '/folders', params);
  }
}

export class Generations {
  constructor(private readonly http: Transport) {}

  /** Turns a plain-language `prompt` into a saved diagram (counts against the generation quota). */
  create(params: GenerationCreateParams): Promise<Generation> {
    return this.http.request({ method: 'POST', path: '/generations', body: params });
  }

  retrieve(generationId: string): Promise<Generation> {
    return this.http.request({ method: 'GET', path: `/generations/${id(generationId)}` });
  }

  list(params: GenerationListParams = {}): PageList<Generation> {
    return list(this.http, '/generations', params);
  }
}

export class Key {
  constructor(private readonly http: Transport) {}

  /** The calling key: mode, scopes, owner, plan and usage. */
  retrieve(): Promise<ApiKey> {
    return this.http.request({ method: 'GET', path: '/key' });
  }
}

export class JustFlowIt {
  readonly diagrams: Diagrams;
  readonly folders: Folders;
  readonly generations: Generations;
  readonly key: Key;

  constructor(options: ClientOptions) {
    const http = new Transport(options);
    this.diagrams = new Diagrams(http);
    this.folders = new Folders(http);
    this.generations = new Generations(http);
    this.key = new Key(http);
  }
}
