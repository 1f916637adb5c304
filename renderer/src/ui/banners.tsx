/**
 * A list page's two banners under its title: what the last action did (status) and why the list
 * could not be read (alert).
 */
export function PageBanners({ notice, error }: { notice?: string | null | undefined; error?: { message: string } | null | undefined }) {
  return (
    <>
      {notice && (
        <div className="banner ok" role="status">
          {notice}
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error.message}
        </div>
      )}
    </>
  );
}
