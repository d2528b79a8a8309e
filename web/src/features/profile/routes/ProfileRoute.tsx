import { ErrorState, Loading } from '../../../components/States'
import { useProfile, useUpdateProfile } from '../api/profile'
import { ProfileForm } from '../components/ProfileForm'

export default function ProfileRoute() {
  const profile = useProfile()
  const update = useUpdateProfile()
  return (
    <section aria-labelledby="profile-title" className="narrow">
      <h1 id="profile-title">Profile</h1>
      {profile.isPending ? (
        <Loading label="Loading your profile…" />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <>
          {profile.data.email && <p className="meta">Signed in as {profile.data.email}</p>}
          <ProfileForm profile={profile.data} onSave={(patch) => update.mutateAsync(patch)} />
        </>
      )}
    </section>
  )
}
