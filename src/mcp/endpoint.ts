// Where the MCP server answers and how it names itself: shared by the server and `jfi mcp`, which loads nothing else.
export const MCP_PATH = '/mcp';

export const MCP_SERVER_INFO = { name: 'just-flow-it', version: '1.0.0' };
