/** Every user-facing sentence of the browser-mode host, in one place so tests use the same words. */
export const HOST_TEXT = {
  forbidden: '访问被拒绝：请使用程序启动时显示的链接打开。',
  wrongHost: '访问被拒绝：请求的主机名不被接受。请使用程序启动时显示的链接打开。',
  notFound: '找不到这个页面。',
  rootPage: '这里是人大工作评议系统的浏览器模式主机。请使用程序启动时显示的链接（办公桌、会议现场或大屏）打开。',
  badPath: '请求的地址无效。',
  methodNotAllowed: '不支持这种请求方式。',
  invalidJson: '请求内容不是有效的 JSON',
  wrongContentType: '请求内容必须是 JSON（Content-Type: application/json）',
  crossOrigin: '访问被拒绝：请求来自其他网站。',
  tooLarge: '请求内容太大（上限 1 MB）。',
  uploadContentType: '上传的文件必须以原始内容发送（Content-Type: application/octet-stream）',
  uploadName: '上传请求缺少文件名，或文件名无效（X-File-Name，按 URL 编码）',
  uploadUnavailable: '此主机不接受文件上传。',
  downloadGone: '下载链接已失效（每个链接只能下载一次），请回到程序中重新导出。',
  rendererMissing: '界面文件缺失：请先运行 npm run build（npm run serve 会自动构建）。',
  internal: '主机内部错误，详情已记入数据文件夹中的 logs/pingyi.log；需要技术支持时请提供括号中的编号',
} as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A minimal page for refusals and errors: no scripts, no external resources (the CSP allows none). */
export function messagePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)} · 人大工作评议系统</title>
<style>body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;margin:4em auto;max-width:36em;line-height:1.7;color:#222}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>
`;
}
