-- Neovim: start invite-lint's language server for text, Markdown and YAML buffers.
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "text", "markdown", "yaml" },
  callback = function(args)
    vim.lsp.start({
      name = "invite-lint",
      cmd = { "invite-lint-lsp" },
      root_dir = vim.fs.root(args.buf, { ".invite-lintrc.yaml", ".invite-lintrc.yml", ".invite-lintrc.json", "package.json", ".git" }),
    })
  end,
})

-- Without the server: :make runs the CLI and fills the quickfix list.
vim.opt.makeprg = "npx invite-lint --format unix %"
vim.opt.errorformat = "%f:%l:%c: %trror: %m,%f:%l:%c: %tarning: %m,%f:%l:%c: %tnfo: %m"
