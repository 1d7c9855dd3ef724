-- Neovim (0.10 or newer): invite-lint's language server for text, Markdown, YAML and JSON
-- buffers, and :make with the CLI. Both run the project's installed bin
-- (node_modules/.bin, where `npm install invite-lint` puts it) when there is one, else the
-- one on the PATH (`npm install --global invite-lint`).
local function bin(buf, name)
  local root = vim.fs.root(buf, "node_modules")
  if root then
    local installed = vim.fs.joinpath(root, "node_modules", ".bin", name)
    if vim.fn.executable(installed) == 1 then return installed end
  end
  return name
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "text", "markdown", "yaml", "json" },
  callback = function(args)
    vim.lsp.start({
      name = "invite-lint",
      cmd = { bin(args.buf, "invite-lint-lsp") },
      root_dir = vim.fs.root(args.buf, { ".invite-lintrc.yaml", ".invite-lintrc.yml", ".invite-lintrc.json", "package.json", ".git" }),
    })
    -- Without the server: :make runs the CLI on the buffer's file and fills the quickfix list.
    vim.bo[args.buf].makeprg = vim.fn.shellescape(bin(args.buf, "invite-lint")) .. " --format unix %"
    vim.bo[args.buf].errorformat = "%f:%l:%c: %trror: %m,%f:%l:%c: %tarning: %m,%f:%l:%c: %tnfo: %m"
  end,
})
